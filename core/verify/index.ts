/** Deterministic verification of suggested resolutions. */
export { verifySuggestion } from './verify-suggestion.ts';
