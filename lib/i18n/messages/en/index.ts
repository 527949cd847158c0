import admin from "./admin.json";
import apiDocs from "./apiDocs.json";
import audit from "./audit.json";
import auth from "./auth.json";
import bulk from "./bulk.json";
import common from "./common.json";
import errors from "./errors.json";
import jobs from "./jobs.json";
import licences from "./licences.json";
import notifications from "./notifications.json";
import reports from "./reports.json";
import schedule from "./schedule.json";
import person from "./person.json";
import settings from "./settings.json";
import statusChange from "./statusChange.json";
import userTools from "./userTools.json";
import users from "./users.json";

/** One file per area of the dashboard, so that work on one area touches one file per language. */
const messages = { admin, apiDocs, audit, auth, bulk, common, errors, jobs, licences, notifications, person, reports, schedule, settings, statusChange, userTools, users };
export default messages;
