// The table `npm run bench` prints: metric, value, target, whether it is met.

/** @typedef {import('./suite.js').Target} Target */

/**
 * @param {number} value
 * @param {Target} target
 */
export function targetMet(value, target) {
	return (
		(target.max === undefined || value <= target.max) &&
		(target.min === undefined || value >= target.min)
	);
}

/** @param {number} value */
const formatNumber = (value) =>
	Number.isInteger(value)
		? value.toLocaleString('en-US')
		: value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** @param {Target | undefined} target */
function formatTarget(target) {
	if (!target) return '';
	const bounds = [];
	if (target.min !== undefined) bounds.push(`≥ ${formatNumber(target.min)}`);
	if (target.max !== undefined) bounds.push(`≤ ${formatNumber(target.max)}`);
	return bounds.join(', ');
}

/**
 * @param {Record<string, number>} metrics
 * @param {Record<string, Target>} targets
 */
export function formatTable(metrics, targets) {
	const rows = Object.entries(metrics).map(([metric, value]) => {
		const target = targets[metric];
		return [
			metric,
			formatNumber(value),
			formatTarget(target),
			target ? (targetMet(value, target) ? 'yes' : 'NO') : ''
		];
	});
	const table = [['metric', 'value', 'target', 'ok?'], ...rows];
	const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
	// Names and verdicts read left-aligned, numbers right-aligned.
	const line = (/** @type {string[]} */ row) =>
		row
			.map((cell, column) =>
				column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])
			)
			.join('  ')
			.trimEnd();
	return [line(table[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join(
		'\n'
	);
}
