export { reviewAsFinanceOffline } from "./offline.js";
