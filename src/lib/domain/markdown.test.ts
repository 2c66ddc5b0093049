import { describe, expect, it } from 'vitest';
import { joinDraft, parseMarkdown, splitDraft } from './markdown';

describe('parseMarkdown', () => {
	it('reads headings, paragraphs and both kinds of list', () => {
		expect(
			parseMarkdown('# 目的\n本計画は\n市の方針です。\n\n- 保育\n- 公園\n1. 一\n2. 二')
		).toEqual([
			{ type: 'heading', level: 3, text: '目的' },
			{ type: 'paragraph', lines: ['本計画は', '市の方針です。'] },
			{ type: 'list', ordered: false, items: ['保育', '公園'] },
			{ type: 'list', ordered: true, items: ['一', '二'] }
		]);
	});

	it('keeps HTML as text', () => {
		expect(parseMarkdown('<script>alert(1)</script>')).toEqual([
			{ type: 'paragraph', lines: ['<script>alert(1)</script>'] }
		]);
	});
});

describe('splitDraft', () => {
	it('makes a section of each ## heading, and joins back', () => {
		const text = '## 第1章 総論\n\n本文\n\n## 第2章 子育て\n\n- 保育';
		const sections = splitDraft(text);
		expect(sections).toEqual([
			{ heading: '第1章 総論', body: '本文' },
			{ heading: '第2章 子育て', body: '- 保育' }
		]);
		expect(joinDraft(sections)).toBe(text);
	});

	it('marks text before the first heading as a section without one', () => {
		expect(splitDraft('前文\n## 総論\n本文')[0]).toEqual({ heading: '', body: '前文' });
	});
});
