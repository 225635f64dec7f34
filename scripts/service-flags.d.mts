/** The Node options package.json's "start" script gives the service (see service-flags.mjs). */
export function serviceFlags(): string[];
