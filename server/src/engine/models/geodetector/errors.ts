// The one error the geographical detector raises for input it cannot analyse; messages name the factor and,
// where there is one, the first offending row (1-based, as a spreadsheet shows it).

export class GeoDetectorInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeoDetectorInputError';
  }
}
