// Server-rendered HTML, no JavaScript: it prints as it shows.
export const csr = false;
