/** The verbs of the incident cards' `Action.Execute` buttons; their data carries ids only. */
export const incidentVerbs = {
  submit: 'incidentSubmit',
  refresh: 'incidentRefresh',
  step: 'incidentStep',
  advance: 'incidentAdvance',
  acknowledge: 'incidentAcknowledge',
  reclassify: 'incidentReclassify',
  editReport: 'incidentEditReport',
  external: 'incidentExternal',
  myReports: 'incidentMyReports',
  openList: 'incidentOpenList',
  open: 'incidentOpen',
} as const;
export type IncidentVerb = (typeof incidentVerbs)[keyof typeof incidentVerbs];

export const execute = (
  title: string,
  verb: IncidentVerb,
  data: Record<string, unknown>,
  options: { inputs?: 'auto' | 'none'; style?: 'positive' | 'destructive' } = {},
) => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  associatedInputs: options.inputs ?? 'none',
  ...(options.style ? { style: options.style } : {}),
});
