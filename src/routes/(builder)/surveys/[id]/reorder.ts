/** Moves an item within a list in place (for buttons, keys and drag and drop alike). */
export function move<T>(list: T[], from: number, to: number) {
	if (to < 0 || to >= list.length || from === to) return;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item);
}

/** A key not yet used in the list, like "q7". */
export function freshKey(prefix: string, used: string[]) {
	for (let i = used.length + 1; ; i++) {
		if (!used.includes(`${prefix}${i}`)) return `${prefix}${i}`;
	}
}
