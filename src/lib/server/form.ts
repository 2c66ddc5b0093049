/** A form field as text, for echoing back what was typed ('' for a file or nothing). */
export function textOf(value: FormDataEntryValue | null | undefined): string {
	return typeof value === 'string' ? value : '';
}
