// The incident types in the order the server lists them (model/incident.h).
export const INCIDENT_TYPES = [
  'robbery', 'assault', 'sexual_violence', 'extortion', 'kidnapping', 'homicide',
  'disappearance', 'drowning', 'illness_exhaustion', 'rescue', 'accident', 'unknown_cause',
] as const;
