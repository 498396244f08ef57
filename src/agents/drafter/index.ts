export { draftOffline } from "./offline.js";
export { reviseOffline, FIXABLE_CHECKS, FAQ_REQUEST, OPEN_QUESTION } from "./revise.js";
