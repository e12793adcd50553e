import type { StorybookConfig } from '@storybook/web-components-vite';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const geoDir = resolve(here, '..', process.env['GEO_DIR'] ?? 'data/geo');

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Demo data, the map geometry (data/geo/, or GEO_DIR), and the builder and embed pages of cdn/ when it is built
  // (linked from the introduction).
  staticDirs: [
    { from: '../data', to: '/data' },
    { from: geoDir, to: '/geo' },
    ...(existsSync(resolve(here, '../cdn/builder.html')) ? [{ from: '../cdn', to: '/cdn' }] : []),
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Documentation' },
  // DSFR's CSS has a media query lightningcss refuses; keep it as is rather than failing the build.
  viteFinal: (config) => ({
    ...config,
    css: { ...config.css, lightningcss: { ...config.css?.lightningcss, errorRecovery: true } },
  }),
};
export default config;
