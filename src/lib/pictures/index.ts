import uiPictures from './ui-pictures.json';

/**
 * Pictures are Fluent Emoji (flat style, MIT licence), copied into static/pictures
 * by `npm run pictures`. A picture id is the Fluent file name without ".svg".
 */
export function pictureUrl(id: string): string {
	return `/pictures/${id}.svg`;
}

/** Pictures the interface itself uses (not tied to a job or task). */
export const UI_PICTURES = uiPictures;

