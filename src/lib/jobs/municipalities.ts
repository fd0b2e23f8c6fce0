import data from './municipalities.json';

/** Denmark's 98 municipalities and 5 regions: fixed facts, so they ship with the code. */
export interface Municipality {
	code: string;
	name: string;
	region: Region;
	klapjobAgreement: string;
}

export const REGIONS = ['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'] as const;
export type Region = (typeof REGIONS)[number];

export const municipalities = data.municipalities as Municipality[];

export const municipalityByCode = new Map(municipalities.map((m) => [m.code, m]));

let byRegion: { region: Region; municipalities: Municipality[] }[] | undefined;

/**
 * Municipalities grouped by region, each group sorted by name the Danish way. Worked out
 * once: a Danish collator is costly to make on a slow phone.
 */
export function municipalitiesByRegion(): { region: Region; municipalities: Municipality[] }[] {
	if (!byRegion) {
		const collator = new Intl.Collator('da');
		byRegion = REGIONS.map((region) => ({
			region,
			municipalities: municipalities.filter((m) => m.region === region).sort((a, b) => collator.compare(a.name, b.name))
		}));
	}
	return byRegion;
}
