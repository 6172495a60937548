/** A refusal or a damaged part, with one Indonesian sentence meant for the user as it is. */
export class TandaiError extends Error {}
