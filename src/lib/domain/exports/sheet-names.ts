/**
 * Names Excel accepts for sheets: at most 31 characters, none of : \ / ? * [ ],
 * no apostrophe at either end, not blank, and unique regardless of case (a clash gets a number).
 */
export function sheetNames(wanted: string[]): string[] {
	const used = new Set<string>();
	return wanted.map((name, i) => {
		const clean =
			name
				.replace(/[:\\/?*[\]]/g, ' ')
				.replace(/\s+/g, ' ')
				.replace(/^'+|'+$/g, '')
				.trim() || `Sheet${i + 1}`;
		let candidate = [...clean].slice(0, 31).join('');
		for (let n = 2; used.has(candidate.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			candidate = [...clean].slice(0, 31 - suffix.length).join('') + suffix;
		}
		used.add(candidate.toLowerCase());
		return candidate;
	});
}
