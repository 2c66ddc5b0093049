/**
 * The order a respondent sees a question's options in. With `shuffle`, each
 * answering session gets its own order, derived from the session's key and the
 * question's key: the same on every page load and after every validation error,
 * with or without JavaScript, and nothing to store.
 */

/** FNV-1a: a 32-bit hash of a string. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** mulberry32: uniform in [0, 1) from a 32-bit seed. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The options in this respondent's order. Exclusive options (「特にない」) stay
 * where the questionnaire puts them; the others are shuffled among the rest.
 */
export function optionOrder<T extends { key: string; exclusive?: boolean }>(
	options: T[],
	shuffle: boolean | undefined,
	session: string,
	question: string
): T[] {
	if (!shuffle) return options;
	const next = random(hash(`${session}/${question}`));
	const movable = options.filter((o) => !o.exclusive);
	for (let i = movable.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[movable[i], movable[j]] = [movable[j], movable[i]];
	}
	let m = 0;
	return options.map((o) => (o.exclusive ? o : movable[m++]));
}
