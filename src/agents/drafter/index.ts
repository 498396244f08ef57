export { draftOffline, economicsAnswer } from "./offline.js";
export { reviseOffline, wouldChange, OPEN_QUESTION } from "./revise.js";
