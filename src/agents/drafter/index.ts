export { draftOffline, OPEN_QUESTION } from "./offline.js";
export { reviseOffline, FIXABLE_CHECKS } from "./revise.js";
