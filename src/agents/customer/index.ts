export { reviewAsCustomerOffline } from "./offline.js";
