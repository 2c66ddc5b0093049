// Like the residents' pages: server-rendered HTML, no JavaScript needed or sent.
export const csr = false;
