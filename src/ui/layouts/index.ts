export { AdminLayout, type AdminLayoutProps, type FlashMessage } from './admin-layout.js';
export { PublicLayout, type PublicLayoutProps } from './public-layout.js';
