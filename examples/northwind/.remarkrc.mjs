import charter from 'charter-handbook/remark-preset';
export default charter;
