/** A file download: the name in the header both ASCII-safe and in full (RFC 6266). */
export function download(
	body: string | Uint8Array<ArrayBuffer>,
	filename: string,
	type: string
): Response {
	const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
	return new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
			// Results and raw data are personal to the reader's rights: never cache them.
			'cache-control': 'private, no-store'
		}
	});
}

export const CSV = 'text/csv; charset=utf-8';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
