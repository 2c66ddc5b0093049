import {
	Chart,
	LinearScale,
	PointElement,
	ScatterController,
	Tooltip,
	type ChartConfiguration,
	type Plugin
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(ScatterController, PointElement, LinearScale, Tooltip);

export interface ScatterPoint {
	x: number;
	y: number;
	label: string;
}

export interface CsChart {
	points: ScatterPoint[];
	/** where the dashed lines go: the means of each axis */
	split: { x: number; y: number };
	axes: { x: string; y: string };
	/** quadrant names, by corner */
	corners: { topLeft: string; topRight: string; bottomLeft: string; bottomRight: string };
}

const INK = '#1f2328';

/** Dashed mean lines under the points; point labels and quadrant names over them. */
function overlay({ points, split, corners }: CsChart): Plugin<'scatter'> {
	return {
		id: 'csOverlay',
		beforeDatasetsDraw({ ctx, chartArea: area, scales }) {
			const x = scales.x.getPixelForValue(split.x);
			const y = scales.y.getPixelForValue(split.y);
			ctx.save();
			ctx.setLineDash([6, 4]);
			ctx.strokeStyle = '#6e7781';
			ctx.beginPath();
			ctx.moveTo(x, area.top);
			ctx.lineTo(x, area.bottom);
			ctx.moveTo(area.left, y);
			ctx.lineTo(area.right, y);
			ctx.stroke();
			ctx.restore();
		},
		afterDatasetsDraw({ ctx, chartArea: area, scales }) {
			ctx.save();
			ctx.fillStyle = INK;
			ctx.font = '12px sans-serif';
			ctx.textBaseline = 'middle';
			const middle = (area.left + area.right) / 2;
			for (const p of points) {
				const x = scales.x.getPixelForValue(p.x);
				const y = scales.y.getPixelForValue(p.y);
				const right = x > middle;
				ctx.textAlign = right ? 'right' : 'left';
				ctx.fillText(p.label, x + (right ? -7 : 7), y);
			}
			ctx.font = 'bold 13px sans-serif';
			const pad = 6;
			ctx.textBaseline = 'top';
			ctx.textAlign = 'left';
			ctx.fillText(corners.topLeft, area.left + pad, area.top + pad);
			ctx.textAlign = 'right';
			ctx.fillText(corners.topRight, area.right - pad, area.top + pad);
			ctx.textBaseline = 'bottom';
			ctx.fillText(corners.bottomRight, area.right - pad, area.bottom - pad);
			ctx.textAlign = 'left';
			ctx.fillText(corners.bottomLeft, area.left + pad, area.bottom - pad);
			ctx.restore();
		}
	};
}

/** A satisfaction × importance scatter, attached to a canvas with {@attach}. */
export function csScatter(chart: CsChart): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const title = (text: string) => ({ display: true, text, color: INK });
		const config: ChartConfiguration<'scatter', ScatterPoint[]> = {
			type: 'scatter',
			data: {
				datasets: [{ data: chart.points, backgroundColor: '#0b5cad', pointRadius: 5 }]
			},
			options: {
				animation: false,
				maintainAspectRatio: false,
				scales: {
					x: { grace: '15%', title: title(chart.axes.x) },
					y: { grace: '15%', title: title(chart.axes.y) }
				},
				plugins: {
					tooltip: {
						callbacks: {
							label: (c) =>
								`${chart.points[c.dataIndex]?.label ?? ''}: ${c.parsed.x?.toFixed(2)}, ${c.parsed.y?.toFixed(2)}`
						}
					}
				}
			},
			plugins: [overlay(chart)]
		};
		const instance = new Chart(canvas, config);
		return () => instance.destroy();
	};
}
