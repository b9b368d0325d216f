// IPC main-group strings in the usual "C22B 59/00" form, grouped by
// technology field. Each list is ordered most common first; the generators
// draw from it with a Zipf law so a few classes dominate, as in real data.

/** Rare-earth extraction, compounds, magnets, phosphors, catalysts, alloys. */
export const RARE_EARTH_IPC: readonly string[] = [
  'C22B 59/00', 'H01F 1/057', 'C01F 17/00', 'C22B 3/44', 'H01F 41/02', 'C22C 38/00',
  'C09K 11/77', 'B01J 23/10', 'C22C 1/02', 'C22B 7/00', 'C22C 28/00', 'H01M 4/38',
  'C04B 35/50', 'C22F 1/16', 'B22F 3/00', 'C22B 3/26', 'C01F 17/206', 'C22C 19/03',
];

/** Environment-related technologies (wind, solar, batteries, fuel cells, emissions, water, waste). */
export const ENV_TECH_IPC: readonly string[] = [
  'H01M 10/0525', 'H01L 31/18', 'F03D 1/06', 'B01D 53/94', 'C02F 1/44', 'H01M 8/10',
  'B60L 53/00', 'F24S 10/00', 'C02F 3/28', 'B09B 3/00', 'F23G 5/00', 'E04B 1/76',
  'F03D 80/00', 'B01D 53/86', 'H02J 3/38',
];

/** Other technologies, the non-environmental remainder of a patent office's flow. */
export const GENERAL_IPC: readonly string[] = [
  'G06F 3/01', 'H04W 72/04', 'H04L 5/00', 'A61K 31/00', 'C07D 401/00', 'G01N 33/00',
  'A61B 5/00', 'B29C 45/00', 'C08L 23/00', 'F16H 57/00', 'H01L 21/02', 'B65D 81/00',
  'C12N 15/00', 'B60R 21/00', 'G02B 6/00', 'H04N 19/00', 'B23K 26/00', 'F16K 31/00',
];

/** Artificial-intelligence classes: neural nets, machine learning, vision, speech, robot control. */
export const AI_IPC: readonly string[] = [
  'G06N 3/08', 'G06N 3/04', 'G06V 10/82', 'G06N 20/00', 'G06F 18/24', 'G06T 7/00',
  'G10L 15/16', 'G06V 40/16', 'G06K 9/62', 'G06F 40/30', 'B25J 9/16', 'G05B 13/02',
];

/** Digital-economy classes that are not AI: networks, data processing, business methods, devices. */
export const NON_AI_DIGITAL_IPC: readonly string[] = [
  'H04L 29/06', 'G06F 16/00', 'H04W 4/00', 'G06Q 10/06', 'H04N 7/18', 'G06F 9/50',
  'H04L 67/10', 'G06Q 50/00', 'G01S 17/00', 'A61B 5/00', 'G08G 1/00', 'H04B 7/00',
  'G06F 21/00', 'B60W 30/00', 'G01C 21/00',
];

// An IPC string is a subclass (e.g. "C22B"), a space, then main group/subgroup.
const IPC_SHAPE = /^[A-H]\d\d[A-Z] \d{1,4}\/\d{2,6}$/;
for (const list of [RARE_EARTH_IPC, ENV_TECH_IPC, GENERAL_IPC, AI_IPC, NON_AI_DIGITAL_IPC]) {
  for (const code of list) if (!IPC_SHAPE.test(code)) throw new Error(`malformed IPC ${code}`);
}
