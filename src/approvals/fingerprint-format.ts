// What a fingerprint looks like: apart from how it is computed, so that the agent hook can check one cheaply.

/**
 * 32 hex characters: 128 bits of SHA-256. A model that writes the plans could search for two plans with the same
 * fingerprint (a birthday search) and ask for approval of the harmless one; at 128 bits that takes about 2^64
 * hashes, out of reach, while 64 bits (2^32 hashes) would take minutes.
 */
export const FINGERPRINT_LENGTH = 32;
export const FINGERPRINT_PATTERN = /^[0-9a-f]{32}$/;
