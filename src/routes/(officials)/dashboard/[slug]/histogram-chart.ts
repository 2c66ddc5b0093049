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

/** A histogram: vertical bars of counts, touching, one per bin label. */
export function histogramChart(
	labels: string[],
	counts: number[],
	label: string
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const config: ChartConfiguration<'bar'> = {
			type: 'bar',
			data: {
				labels,
				datasets: [
					{
						label,
						data: counts,
						backgroundColor: '#0b5cad',
						categoryPercentage: 1,
						barPercentage: 1
					}
				]
			},
			options: {
				animation: false,
				maintainAspectRatio: false,
				scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
			}
		};
		const chart = new Chart(canvas, config);
		return () => chart.destroy();
	};
}
