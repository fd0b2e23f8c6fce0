// @ts-check
/**
 * Copies the Fluent Emoji pictures the app uses from the npm package into
 * static/pictures, so the app ships them and never fetches a picture from the net.
 * Run after changing the catalogue or the interface's pictures: npm run pictures
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const source = path.join(root, 'node_modules/fluentui-emoji/icons/flat');
const target = path.join(root, 'static/pictures');

const catalogue = JSON.parse(fs.readFileSync(path.join(root, 'src/lib/server/db/seed/catalogue.json'), 'utf8'));
const ui = JSON.parse(fs.readFileSync(path.join(root, 'src/lib/pictures/ui-pictures.json'), 'utf8'));

/** @type {Set<string>} */
const ids = new Set([
	...Object.values(ui),
	...catalogue.jobTypes.map((/** @type {{picture: string}} */ type) => type.picture),
	...catalogue.tasks.map((/** @type {{picture: string}} */ task) => task.picture)
]);

fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
const missing = [];
for (const id of [...ids].sort()) {
	const file = path.join(source, `${id}.svg`);
	if (!fs.existsSync(file)) missing.push(id);
	else fs.copyFileSync(file, path.join(target, `${id}.svg`));
}
if (missing.length > 0) {
	console.error(`Pictures not in the Fluent Emoji package: ${missing.join(', ')}`);
	process.exit(1);
}
console.log(`Copied ${ids.size} pictures to static/pictures.`);
