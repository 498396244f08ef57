export { reviewAsEngineerOffline } from "./offline.js";
