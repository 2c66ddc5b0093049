// Server-rendered HTML that works on any phone without JavaScript.
export const csr = false;
