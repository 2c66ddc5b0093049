import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	LinearScale,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A horizontal bar chart of percentages, attached to a canvas with {@attach}. */
export function barChart(
	labels: string[],
	values: number[],
	label: string
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const config: ChartConfiguration<'bar'> = {
			type: 'bar',
			data: { labels, datasets: [{ label, data: values, backgroundColor: '#0b5cad' }] },
			options: {
				indexAxis: 'y',
				animation: false,
				maintainAspectRatio: false,
				scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
				plugins: { tooltip: { callbacks: { label: (c) => `${c.parsed.x?.toFixed(1)}%` } } }
			}
		};
		const chart = new Chart(canvas, config);
		return () => chart.destroy();
	};
}
