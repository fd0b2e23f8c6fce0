import type { Language } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			lang: Language;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
