// The one error type the HDFE estimators throw for bad input or a failed fit. Messages are written for the
// researcher (what is wrong with the data or the model, and what to change), not for the programmer.

export class EstimationError extends Error {
  override name = 'EstimationError';
}
