import { describe, expect, test } from 'vitest';
import { drawnTextsHtml, drawnTranslator, recordingTranslator, type DrawnTexts } from '$lib/i18n/drawn-texts';
import { loadAllLanguages, translator } from '$lib/i18n/translate';
import { currentTranslator, loadTranslation, startFromDrawnTexts } from '$lib/i18n/client-translation.svelte';

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

	test('a text the page was not drawn with comes from elsewhere (i18next)', () => {
		const asked: unknown[] = [];
		const browser = drawnTranslator({ 'jobs.title': 'Find et job' }, (key, options) => (asked.push([key, options]), ''));
		expect(browser('jobs.title')).toBe('Find et job');
		expect(browser('jobs.count', { count: 3 })).toBe('');
		expect(browser('jobs.title', { count: 3 })).toBe('');
		expect(asked).toEqual([['jobs.count', { count: 3 }], ['jobs.title', { count: 3 }]]);
	});

	test('in the browser one translator serves the page: drawn texts as drawn, missing ones from i18next once it is here', async () => {
		// A drawn text that i18next would say otherwise: it must be read back, not asked again.
		startFromDrawnTexts('en', { 'jobs.title': 'As drawn' });
		const t = currentTranslator('en');
		expect(t('jobs.title')).toBe('As drawn');
		// Missing: empty at first, and the missing text sends for i18next.
		expect(t('app.name')).toBe('');
		await loadTranslation('en');
		expect(currentTranslator('en')).toBe(t);
		expect(t('jobs.title')).toBe('As drawn');
		expect(t('app.name')).toBe('KLAPjob');
		expect(t('jobs.count', { count: 2 })).toBe(translator('en')('jobs.count', { count: 2 }));
	});

	test('a text cannot end the data block early', () => {
		const html = drawnTextsHtml('da', { x: '</script><script>alert(1)</script>' });
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const json = html.slice(html.indexOf('>') + 1, html.lastIndexOf('</script>'));
		expect((JSON.parse(json) as { texts: DrawnTexts }).texts.x).toBe('</script><script>alert(1)</script>');
	});
});
