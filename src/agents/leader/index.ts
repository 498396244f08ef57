export { decideOffline, writeMemoOffline, leaning } from "./offline.js";
