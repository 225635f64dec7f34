/** Small byte samples shared by the ingest tests. */

/** The OLE compound-file header that Word 97-2003 files start with, then filler: a synthetic `.doc`. */
export const WORD97 = new Uint8Array([
	0xd0,
	0xcf,
	0x11,
	0xe0,
	0xa1,
	0xb1,
	0x1a,
	0xe1,
	...new Array(504).fill(0),
]);
