import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

// From the first option of a scale (usually the best) to the last, then 無回答 in grey.
const PALETTE = ['#0b5cad', '#4f8fd0', '#9cc3e8', '#f2c28b', '#e07b39', '#b2401b', '#7a1f0f'];
const NO_ANSWER = '#b8b8b8';

/** Stacked 100 % horizontal bars: one bar per label, one segment per series. */
export function stackedChart(
	labels: string[],
	series: { label: string; values: number[]; noAnswer?: boolean }[]
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let colour = 0;
		const config: ChartConfiguration<'bar'> = {
			type: 'bar',
			data: {
				labels,
				datasets: series.map((s) => ({
					label: s.label,
					data: s.values,
					backgroundColor: s.noAnswer ? NO_ANSWER : PALETTE[colour++ % PALETTE.length]
				}))
			},
			options: {
				indexAxis: 'y',
				animation: false,
				maintainAspectRatio: false,
				scales: {
					x: { stacked: true, min: 0, max: 100, ticks: { callback: (v) => `${v}%` } },
					y: { stacked: true }
				},
				plugins: {
					legend: { position: 'bottom' },
					tooltip: {
						callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.x?.toFixed(1)}%` }
					}
				}
			}
		};
		const chart = new Chart(canvas, config);
		return () => chart.destroy();
	};
}
