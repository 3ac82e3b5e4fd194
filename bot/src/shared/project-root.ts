import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json. Code runs both from bot/src (ts-jest, tsx) and from dist/bot/src
 * (npm start); data files that ship with the code (policy pack, demo tenant) are found from here.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
