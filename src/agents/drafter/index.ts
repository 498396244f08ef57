export { draftOffline, economicsAnswer } from "./offline.js";
export { reviseOffline, wouldChange, HARDEST, OPEN_QUESTION } from "./revise.js";
