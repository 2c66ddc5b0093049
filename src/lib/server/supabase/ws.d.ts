// Only handed to supabase-js as Realtime's WebSocket class; no types needed beyond that.
declare module 'ws' {
	const WebSocket: unknown;
	export default WebSocket;
}
