/**
 * Preloaded into Framework's build process by scripts/build.ts (`node --import tsx --import <this>`): fixes the
 * date Framework gives every file before it reads any (scripts/framework/fileDates.ts says why).
 */
import {fixFileDates, sourceDateEpoch} from "./fileDates.js";

await fixFileDates(sourceDateEpoch());
