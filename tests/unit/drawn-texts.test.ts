import { describe, expect, test } from 'vitest';
import { drawnTextsHtml, drawnTranslator, recordingTranslator, type DrawnTexts } from '$lib/i18n/drawn-texts';
import { loadAllLanguages, translator } from '$lib/i18n/translate';

describe('texts a page is drawn with', () => {
	test('read back in the browser, they are what i18next said on the server', async () => {
		await loadAllLanguages();
		const drawn: DrawnTexts = {};
		const server = recordingTranslator(translator('da'), drawn);
		const said = [server('jobs.title'), server('jobs.count', { count: 1 }), server('jobs.count', { count: 270 })];
		expect(said[1]).not.toBe(said[2]);

		const json = /<script type="application\/json" id="drawn-texts">(.*)<\/script>/.exec(drawnTextsHtml('da', drawn))![1]!;
		const { lang, texts } = JSON.parse(json) as { lang: string; texts: DrawnTexts };
		expect(lang).toBe('da');
		const browser = drawnTranslator(texts, () => {
			throw new Error('not missing');
		});
		expect([browser('jobs.title'), browser('jobs.count', { count: 1 }), browser('jobs.count', { count: 270 })]).toEqual(said);
	});

	test('a text the page was not drawn with is empty, and asks for i18next', () => {
		let asked = 0;
		const browser = drawnTranslator({ 'jobs.title': 'Find et job' }, () => asked++);
		expect(browser('jobs.count', { count: 3 })).toBe('');
		expect(browser('jobs.title', { count: 3 })).toBe('');
		expect(asked).toBe(2);
	});

	test('a text cannot end the data block early', () => {
		const html = drawnTextsHtml('da', { x: '</script><script>alert(1)</script>' });
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const json = html.slice(html.indexOf('>') + 1, html.lastIndexOf('</script>'));
		expect((JSON.parse(json) as { texts: DrawnTexts }).texts.x).toBe('</script><script>alert(1)</script>');
	});
});
