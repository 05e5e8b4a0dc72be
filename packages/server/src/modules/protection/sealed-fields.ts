/**
 * The field names the protection module seals free text under (with the person's data key). Every
 * ciphertext is bound to its subject and field, so a merge re-seals each under the same name.
 */
export const signalNoteField = (signalId: string) => `signal_note:${signalId}`;
export const contactFindingsField = (contactId: string) => `protection_contact:${contactId}`;
export const closingNoteField = (alertId: string) => `protection_alert_closing:${alertId}`;
export const checkNoteField = (checkId: string) => `survey_check_note:${checkId}`;
