// Component tests run without vitest globals, so the testing library cannot
// register its own clean-up: unmount what each test rendered here.
import { cleanup } from '@solidjs/testing-library';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
