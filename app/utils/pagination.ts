// How long a page of a staff log (outbox, audit log) is.
export const PAGE_SIZE = 50;
