export { draftOffline, OPEN_QUESTION } from "./offline.js";
export { reviseOffline, FIXABLE_CHECKS, FAQ_REQUEST } from "./revise.js";
