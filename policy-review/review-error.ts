/** A failure of the review that the workflow's author can fix; its message says how. */
export class ReviewError extends Error {
  override name = "ReviewError";
}
