// The registry this project is built against serves only the linux-x64 builds of packages with
// per-platform binaries (Rollup, Biome), so `npm install` leaves the other platforms' optional packages
// out of package-lock.json and `npm ci` then refuses the lockfile. This adds those entries, marked with
// their os/cpu/libc so npm skips them. Run after any `npm install`: node .ci/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'android',
  'darwin',
  'win32',
  'freebsd',
  'openbsd',
  'openharmony',
  'linux',
  'sunos',
  'aix',
];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  arm: 'arm',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
  gnueabihf: 'arm',
  musleabihf: 'arm',
  eabi: 'arm',
};

function missingPackages() {
  try {
    execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], { stdio: 'pipe' });
    return [];
  } catch (error) {
    const output = String(error.stderr ?? '');
    return [...output.matchAll(/Missing: (\S+?)@\S* from lock file/g)].map((m) => m[1]);
  }
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
for (const name of new Set(missingPackages())) {
  const parent = Object.values(packages).find((p) => p.optionalDependencies?.[name]);
  if (!parent) continue;
  const parts = name.split('/').at(-1).split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const entry = {
    version: parent.optionalDependencies[name],
    dev: Boolean(parent.dev),
    optional: true,
  };
  if (cpu) entry.cpu = [cpu];
  if (os) entry.os = [os];
  if (parts.some((p) => p.startsWith('musl'))) entry.libc = ['musl'];
  else if (os === 'linux' && parts.some((p) => p.startsWith('gnu'))) entry.libc = ['glibc'];
  packages[`node_modules/${name}`] = entry;
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
