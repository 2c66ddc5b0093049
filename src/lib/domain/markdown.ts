/**
 * The small part of Markdown a draft plan needs — headings, paragraphs, bullet
 * and numbered lists, line breaks — parsed into blocks of plain text. Pages
 * render the blocks as text, so HTML in a draft shows as typed, never as markup.
 */
export type Block =
	| { type: 'heading'; level: 3 | 4 | 5; text: string }
	| { type: 'paragraph'; lines: string[] }
	| { type: 'list'; ordered: boolean; items: string[] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^\s*[-*・]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)．]\s+(.*)$/;

/** Blocks of a section's body; `#` becomes the level below the section heading. */
export function parseMarkdown(source: string): Block[] {
	const blocks: Block[] = [];
	let current: Block | null = null;
	const close = () => {
		if (current) blocks.push(current);
		current = null;
	};
	for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
		const heading = HEADING.exec(line);
		const bullet = BULLET.exec(line);
		const numbered = bullet ? null : NUMBERED.exec(line);
		if (line.trim() === '') {
			close();
		} else if (heading) {
			close();
			blocks.push({
				type: 'heading',
				level: (heading[1].length + 2) as 3 | 4 | 5,
				text: heading[2].trim()
			});
		} else if (bullet || numbered) {
			const ordered = numbered !== null;
			const item = (bullet ?? numbered)![1].trim();
			const list = current as Block | null;
			if (list?.type === 'list' && list.ordered === ordered) list.items.push(item);
			else {
				close();
				current = { type: 'list', ordered, items: [item] };
			}
		} else {
			const paragraph = current as Block | null;
			if (paragraph?.type === 'paragraph') paragraph.lines.push(line.trim());
			else {
				close();
				current = { type: 'paragraph', lines: [line.trim()] };
			}
		}
	}
	close();
	return blocks;
}

/**
 * A whole draft typed as one text: each line starting with `## ` opens a section
 * with that heading; text before the first one is the first section's when it
 * has no heading of its own (then it is refused: see draftProblem).
 */
export function splitDraft(source: string): { heading: string; body: string }[] {
	const sections: { heading: string; body: string[] }[] = [];
	for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
		const heading = /^##\s+(.*)$/.exec(line);
		if (heading) sections.push({ heading: heading[1].trim(), body: [] });
		else if (sections.length > 0) sections.at(-1)!.body.push(line);
		else if (line.trim() !== '') sections.push({ heading: '', body: [line] });
	}
	return sections.map((s) => ({ heading: s.heading, body: s.body.join('\n').trim() }));
}

/** The sections as one text again, for editing. */
export function joinDraft(sections: { heading: string; body: string }[]): string {
	return sections.map((s) => `## ${s.heading}\n\n${s.body}`.trim()).join('\n\n');
}
