// The address of a step of the wizard, and of a field on it: `?step=mother#f-mother-dateOfBirth`.
export const stepHref = (stepId: string, hash?: string) =>
  `?step=${encodeURIComponent(stepId)}${hash ? `#${hash}` : ''}`;
